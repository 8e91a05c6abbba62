/** The types a variable's value can have (JSON's): every list of them is this one. */
export const VARIABLE_TYPES = ['string', 'number', 'boolean', 'null', 'object', 'array'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];
