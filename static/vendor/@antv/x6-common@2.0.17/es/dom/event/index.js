export * from './hook.js';
export * from './main.js';
export * from './object.js';
export * from './types.js';
