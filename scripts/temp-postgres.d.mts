export interface TempPostgres {
  /** postgresql://runway@127.0.0.1:<port>/postgres */
  url: string;
  dir: string;
  /** Stops the server and deletes its folder. */
  stop(): void;
}
export function startTempPostgres(opts?: { port?: number }): Promise<TempPostgres>;
