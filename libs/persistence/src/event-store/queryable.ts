/** What TypeORM's entity manager and a pg connection both offer: enough for plain SQL. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<T>;
}
