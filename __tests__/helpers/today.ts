/** The date every test checks against: suppressions and approvals expire relative to it. */
export const TODAY = '2026-11-25';
