import { registerEnumType } from 'type-graphql';

// Roles of issue #3; a role's reach is narrowed by the scope stored with the user or token.
export enum Role {
  ADMIN = 'admin',
  REGIONAL_ANALYST = 'regional_analyst',
  MUNICIPAL_METHODOLOGIST = 'municipal_methodologist',
  SCHOOL_COORDINATOR = 'school_coordinator',
  DASHBOARD = 'dashboard',
}
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    ADMIN: { description: 'Everything, including users and tokens.' },
    REGIONAL_ANALYST: { description: 'Reads everything in its region.' },
    MUNICIPAL_METHODOLOGIST: {
      description:
        "Reads its region's aggregates and its municipality's rows; writes its municipality.",
    },
    SCHOOL_COORDINATOR: { description: "Writes its organization's rows." },
    DASHBOARD: { description: 'Read-only API token: aggregate queries only, no personal fields.' },
  },
});
