import * as ObjectExt from './object.js';
export { ObjectExt };
