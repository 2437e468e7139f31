/**
 * `true` when `List` names every member of `Union`, else `never`: a constant of this type set to
 * `true` fails to compile as soon as a member is added to the union and not to the list.
 */
export type ListsEvery<Union, List extends readonly Union[]> =
  Exclude<Union, List[number]> extends never ? true : never;
