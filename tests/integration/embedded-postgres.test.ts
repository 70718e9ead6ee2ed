// The embedded database's promise to a fresh machine: it says clearly when its port is taken.
import { spawn } from "node:child_process";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";

function run(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db.ts", "migrate"], {
      env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("embedded PostgreSQL", () => {
  it("says which port is taken and what to do, instead of starting", async () => {
    const sockets = new Set<net.Socket>();
    const squatter = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.end("not postgres\n");
    });
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const { code, output } = await run({ DATABASE_URL: "", EMBEDDED_PG_PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already used by another program`);
      expect(output).toMatch(/EMBEDDED_PG_PORT/);
      expect(output).toMatch(/DATABASE_URL/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 30_000);
});
