/**
 * cdktf captures a full stack trace for every token it creates (a plain object, not an Error), and
 * formats it at once. Under jest each of those traces was source-mapped, which made synthesizing the
 * platform several times slower; formatting them at all still cost a quarter of a synth-heavy suite.
 * A token's creation stack is only ever printed in cdktf's own resolution errors, so a plain object's
 * trace is left empty. Traces of real errors keep jest's source-mapped formatting.
 */
const mapped = Error.prepareStackTrace;
Error.prepareStackTrace = (error, frames) => {
  if (error instanceof Error && mapped) return mapped(error, frames);
  return '';
};
