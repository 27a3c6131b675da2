/** Branded identifiers: a TagId can't be passed where an AreaId is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TagId = Brand<string, 'TagId'>;
export type AreaId = Brand<string, 'AreaId'>;
export type EquipmentId = Brand<string, 'EquipmentId'>;
export type ChemicalId = Brand<string, 'ChemicalId'>;
export type UserName = Brand<string, 'UserName'>;

/** Milliseconds since the Unix epoch. */
export type EpochMs = number;
