import { registerEnumType } from 'type-graphql';

// Assessment procedures (DOMAIN.md §2 AssessmentProcedure.kind; ВПР under objectivity control: S11).
export enum ProcedureKind {
  VPR = 'vpr',
  VPR_CONTROLLED = 'vpr_controlled',
  OGE = 'oge',
  GVE_9 = 'gve_9',
  EGE = 'ege',
  GVE_11 = 'gve_11',
  INTERVIEW_9 = 'interview_9',
  ESSAY_11 = 'essay_11',
  NIKO = 'niko',
  REGIONAL_DIAGNOSTIC = 'regional_diagnostic',
  FUNCTIONAL_LITERACY = 'functional_literacy',
  MUNICIPAL = 'municipal',
}
registerEnumType(ProcedureKind, { name: 'ProcedureKind' });

// Signs of non-objective results (DOMAIN.md §2 ObjectivityFlag.sign, §3.1).
export enum ObjectivitySignKind {
  HIGH_VS_REGION = 'high_vs_region',
  TASK_PROFILE = 'task_profile',
  MARK_VS_JOURNAL = 'mark_vs_journal',
  MARK_DISTRIBUTION = 'mark_distribution',
  NOT_CONFIRMED_BY_GIA = 'not_confirmed_by_gia',
  CONTROL_SAMPLE_GAP = 'control_sample_gap',
  MEDALIST_NONCONFIRMATION = 'medalist_nonconfirmation',
}
registerEnumType(ObjectivitySignKind, { name: 'ObjectivitySignKind' });

// Low-result statuses (DOMAIN.md §3.2): ШНОР, ШНСУ and the risk zone of declining results.
export enum LowResultKind {
  SHNOR = 'shnor',
  SHNSU = 'shnsu',
  RISK_ZONE = 'risk_zone',
  /** Would be weighed for ШНОР, but has objectivity signs: reviewed separately (DOMAIN.md §3.2). */
  OBJECTIVITY_EXCLUDED = 'objectivity_excluded',
}
registerEnumType(LowResultKind, { name: 'LowResultKind' });
