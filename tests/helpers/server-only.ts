// Stand-in for the `server-only` guard package inside vitest (which is not a React Server bundle).
export {};
