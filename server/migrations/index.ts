import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122172045_initial } from './Migration20261122172045_initial';
import { Migration20261122182438_access } from './Migration20261122182438_access';
import { Migration20261122182745_audit } from './Migration20261122182745_audit';
import { Migration20261122195748_indicators } from './Migration20261122195748_indicators';
import { Migration20261122200958_api_token_organization } from './Migration20261122200958_api_token_organization';
import { Migration20261122210755_assessments } from './Migration20261122210755_assessments';
import { Migration20261122221121_analysis } from './Migration20261122221121_analysis';
import { Migration20261122230046_teachers } from './Migration20261122230046_teachers';
import { Migration20261122230900_routes } from './Migration20261122230900_routes';
import { Migration20261123010713_olympiads } from './Migration20261123010713_olympiads';
import { Migration20261123033147_views } from './Migration20261123033147_views';
import { Migration20261123035655_records_order } from './Migration20261123035655_records_order';
import { Migration20261123072024_enrolment_index } from './Migration20261123072024_enrolment_index';

// Every migration, in order. Never edit a committed migration: add a new one.
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122172045_initial', class: Migration20261122172045_initial },
  { name: 'Migration20261122182438_access', class: Migration20261122182438_access },
  { name: 'Migration20261122182745_audit', class: Migration20261122182745_audit },
  { name: 'Migration20261122195748_indicators', class: Migration20261122195748_indicators },
  {
    name: 'Migration20261122200958_api_token_organization',
    class: Migration20261122200958_api_token_organization,
  },
  { name: 'Migration20261122210755_assessments', class: Migration20261122210755_assessments },
  { name: 'Migration20261122221121_analysis', class: Migration20261122221121_analysis },
  { name: 'Migration20261122230046_teachers', class: Migration20261122230046_teachers },
  { name: 'Migration20261122230900_routes', class: Migration20261122230900_routes },
  { name: 'Migration20261123010713_olympiads', class: Migration20261123010713_olympiads },
  { name: 'Migration20261123033147_views', class: Migration20261123033147_views },
  {
    name: 'Migration20261123035655_records_order',
    class: Migration20261123035655_records_order,
  },
  {
    name: 'Migration20261123072024_enrolment_index',
    class: Migration20261123072024_enrolment_index,
  },
];
