export * from './ratio.js';
export * from './length.js';
export * from './orth.js';
export { closest, } from './closest.js';
