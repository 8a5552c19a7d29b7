/**
 * Preloaded by scripts/test-cdktn.js on Node < 22.19 only. cdktn-cli 0.24 declares node >=22.19; its
 * bundled HTTP client calls `worker_threads.markAsUncloneable` (Node 22.10+) while loading, so on Node 20
 * the CLI dies before doing anything. The function only marks an object as not structured-cloneable,
 * which nothing in a synth relies on: a no-op lets the leg run on the Node this project supports.
 */
const workerThreads = require('node:worker_threads');
if (typeof workerThreads.markAsUncloneable !== 'function') workerThreads.markAsUncloneable = () => {};
