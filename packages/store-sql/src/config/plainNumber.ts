/**
 * A setting's number as written in plain decimal digits (with `fraction`, a decimal point and digits after it too), or
 * NaN: `Number()` alone would also read `+5000`, `5e3` or `0x1388`, so a typo could start the store on a value nobody meant.
 */
export const plainNumberOf = (text: string, { fraction = false } = {}): number =>
  (fraction ? /^\d+(\.\d+)?$/ : /^\d+$/).test(text) ? Number(text) : Number.NaN
