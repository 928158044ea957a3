export * from './graph.js';
export * from './view.js';
export * from './events.js';
export * from './transform.js';
export * from './background.js';
export * from './options.js';
