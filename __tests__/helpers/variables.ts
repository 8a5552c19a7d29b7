/**
 * What a root module variable with a default (or a tfvars value) resolves to: unknown, because `-var`,
 * `TF_VAR_<name>` or another tfvars file may set any value; the reason names the value it was given.
 */
export function overridable(
  name: string,
  shown: string,
  source: 'has a default' | 'is set in a tfvars file' = 'has a default',
) {
  return {
    kind: 'unknown',
    reason: expect.stringContaining(
      `var.${name} ${source} (${shown}), but -var, TF_VAR_${name} or another tfvars file may set any value`,
    ),
  };
}
