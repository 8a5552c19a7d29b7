/**
 * cdktf captures a full stack trace for every token it creates (a plain object, not an Error). Under
 * jest each of those traces was source-mapped, which made synthesizing the platform several times slower.
 * Traces of real errors keep jest's source-mapped formatting.
 */
const mapped = Error.prepareStackTrace;
Error.prepareStackTrace = (error, frames) => {
  if (error instanceof Error && mapped) return mapped(error, frames);
  return `${String(error)}${frames.map((frame) => `\n    at ${frame}`).join('')}`;
};
