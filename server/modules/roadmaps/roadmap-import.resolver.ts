import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { importRoadmap } from './roadmap-import.run';
import { ImportRoadmapInput, ImportRoadmapResult } from './roadmap-import.types';

@Resolver()
export class RoadmapImportResolver {
  @Mutation(() => ImportRoadmapResult, {
    description: 'Imports a roadmap document; dryRun runs every check and writes nothing.',
  })
  importRoadmap(
    @Arg('input', () => ImportRoadmapInput) input: ImportRoadmapInput,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() { em, access }: Context,
  ): Promise<ImportRoadmapResult> {
    return importRoadmap(em, input, dryRun, access);
  }
}
