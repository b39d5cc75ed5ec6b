// The demo teachers of the demo schools with their moves, diagnostics of professional deficits,
// individual routes (ИОМ) and mentorships (DOMAIN.md §2 Teacher, DeficitDiagnostic, ИОМ,
// Mentorship; §4: ≈ 27 teachers per school). Pure and deterministic like the rest of the demo.
import { generateDiagnostics } from './demo.teachers-diagnostics';
import { generateMentorships } from './demo.teachers-mentorships';
import { generateStaff } from './demo.teachers-staff';
import type { DemoTeachers } from './demo.teachers-types';
import type { DemoMunicipality, DemoOrganization } from './demo.types';

export * from './demo.teachers-types';

export function generateDemoTeachers(
  organizations: readonly DemoOrganization[],
  municipalities: readonly DemoMunicipality[],
): DemoTeachers {
  const { members, assignments } = generateStaff(organizations, municipalities);
  const mentorships = generateMentorships(members);
  const { campaigns, results, routes } = generateDiagnostics(members, organizations, mentorships);
  const teachers = members.map((m) => m.teacher);
  return {
    teachers,
    assignments,
    campaigns,
    results,
    routes,
    mentorships,
    counts: {
      teachers: teachers.length,
      assignments: assignments.length,
      campaigns: campaigns.length,
      diagnosticResults: results.length,
      routes: routes.length,
      routeSteps: routes.reduce((sum, r) => sum + r.steps.length, 0),
      mentorships: mentorships.length,
    },
  };
}
