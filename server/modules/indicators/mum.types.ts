import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CycleComponent, Direction } from '../directions/directions.entity';
import { Municipality } from '../geography/geography.entity';

@ObjectType({ description: 'One municipality × direction × management-cycle component.' })
export class MumCell {
  @Field(() => ID)
  municipalityId!: string;

  @Field(() => String)
  directionCode!: string;

  @Field(() => Int, { description: 'Cycle component 1–9.' })
  component!: number;

  @Field(() => Int, {
    description: 'Roadmap activities of the direction tagged with the component.',
  })
  activityCount!: number;

  @Field(() => Int, {
    description: 'Indicators of the direction with values for the municipality.',
  })
  indicatorsWithValues!: number;

  @Field(() => Boolean, {
    description:
      'Evidence present: activities, or (components 2–4: indicators, collection, monitoring) indicator values.',
  })
  present!: boolean;
}

@ObjectType({ description: 'How complete one municipality’s cycle is in one direction.' })
export class MumDirectionSummary {
  @Field(() => ID)
  municipalityId!: string;

  @Field(() => String)
  directionCode!: string;

  @Field(() => Int, { description: 'Components with evidence, of 9.' })
  presentCount!: number;

  @Field(() => Boolean, { description: 'All nine components present (a full cycle).' })
  complete!: boolean;

  @Field(() => [Int], { description: 'Where the cycle is broken.' })
  missingComponents!: number[];
}

@ObjectType({ description: 'The МУМ self-assessment matrix of municipalities.' })
export class MumMatrix {
  @Field(() => [Municipality])
  municipalities!: Municipality[];

  @Field(() => [Direction])
  directions!: Direction[];

  @Field(() => [CycleComponent])
  components!: CycleComponent[];

  @Field(() => [MumCell])
  cells!: MumCell[];

  @Field(() => [MumDirectionSummary])
  summaries!: MumDirectionSummary[];
}
