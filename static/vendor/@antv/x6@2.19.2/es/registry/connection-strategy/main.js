export * from './noop.js';
export * from './pin.js';
