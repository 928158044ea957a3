export { uniq, union, sortedIndex, sortedIndexBy, sortBy, groupBy, difference, max, } from 'lodash-es';
