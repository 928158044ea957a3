export * from './cell.js';
export * from './node.js';
export * from './edge.js';
export * from './model.js';
export * from './collection.js';
