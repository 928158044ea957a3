export * from './class.js';
export * from './opacity.js';
export * from './stroke.js';
