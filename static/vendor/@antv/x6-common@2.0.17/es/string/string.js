export { uniqueId } from 'lodash-es';
export * from './format.js';
export * from './hashcode.js';
export * from './uuid.js';
export * from './suggestion.js';
