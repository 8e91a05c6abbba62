/** A name a variable can have, as `@` references spell it: a letter or _, then letters, digits and _. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
