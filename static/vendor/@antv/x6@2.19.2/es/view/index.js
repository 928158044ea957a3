export * from './markup.js';
export * from './view.js';
export * from './cell.js';
export * from './edge.js';
export * from './node.js';
export * from './tool.js';
