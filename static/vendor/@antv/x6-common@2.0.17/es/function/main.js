export * from './function.js';
export * from './async.js';
