import * as Text from './main.js';
export { Text };
