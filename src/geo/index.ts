/**
 * Where a phone number is and what time it is there, from libphonenumber's geocoding and time-zone
 * data (public/geo/, fetched per calling code on first need). For the background and the popup
 * only: the content script asks the background, so none of this reaches a page's first stage.
 */
export { setGeoSource } from './load';
export { type WhereWhenFacts, type WhereWhenOptions, whereWhen } from './where-when';
export { type WhereWhenText, whereWhenLine, whereWhenText } from './where-when-text';
