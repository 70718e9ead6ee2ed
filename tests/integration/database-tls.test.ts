// Supabase's TLS problem and its fix, for real: a TLS front on the test database that answers
// PostgreSQL's SSLRequest and presents a certificate chain ending in a CA of its own, as Supabase's pooler
// does (a root made here with openssl, which no machine trusts). The app's pool (lib/pool.ts) connects
// through it with the URL the README gives for Supabase and gets answers; with Supabase's plain
// sslmode=require, pg verifies the chain against Node's public CAs and fails as deployers see it fail;
// with verify-full and the CA as sslrootcert it connects verified, and still checks the host name.
// Needs openssl (to make the certificates); a machine without it skips this file.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import tls from "node:tls";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "@/lib/pool";

const hasOpenssl = spawnSync("openssl", ["version"]).status === 0;
const database = new URL(process.env.DATABASE_URL!);
/** PostgreSQL's SSLRequest code (protocol docs, 55.2.10). */
const SSL_REQUEST = 80877103;

/** A root CA and two server certificates it signs: one for 127.0.0.1, one for another host. */
function makeCertificates(dir: string) {
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl("req", "-x509", "-new", ...ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Test Root CA (database-tls.test.ts)",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  const leaf = (name: string, altName: string) => {
    writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${altName}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`);
    openssl("req", "-new", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
    openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.crt`, "-days", "2", "-extfile", `${name}.ext`);
    const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
    // The chain as Supabase's pooler sends it: the server's certificate, then the root.
    return { key: read(`${name}.key`), cert: read(`${name}.crt`) + read("ca.crt") };
  };
  return { caFile: path.join(dir, "ca.crt"), local: leaf("local", "IP:127.0.0.1"), other: leaf("other", "DNS:db.other.example") };
}

/** Answers the SSLRequest with 'S', terminates TLS with `identity`, relays the rest to the test database. */
async function tlsFront(identity: { key: string; cert: string }) {
  const sockets = new Set<net.Socket>();
  const keep = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    return socket;
  };
  const server = net.createServer((socket) => {
    keep(socket).once("data", (first) => {
      if (first.length !== 8 || first.readInt32BE(4) !== SSL_REQUEST) return socket.destroy(); // TLS only, as Supabase enforces it
      socket.write("S");
      const secure = keep(new tls.TLSSocket(socket, { isServer: true, ...identity }));
      const upstream = keep(net.connect(Number(database.port), database.hostname));
      secure.pipe(upstream).pipe(secure);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = (query: string) => {
    const through = new URL(database);
    through.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    through.search = query;
    return through.toString();
  };
  const close = () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve())));
  return { url, close };
}

describe.skipIf(!hasOpenssl)("a database behind a certificate chain of its own CA (Supabase's pooler)", () => {
  let dir: string;
  let certificates: ReturnType<typeof makeCertificates>;
  let front: Awaited<ReturnType<typeof tlsFront>>;
  let otherHost: Awaited<ReturnType<typeof tlsFront>>;
  const pools: pg.Pool[] = [];
  const poolFor = (url: string) => {
    const pool = createPool(url, 2);
    pools.push(pool);
    return pool;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "database-tls-"));
    certificates = makeCertificates(dir);
    front = await tlsFront(certificates.local);
    otherHost = await tlsFront(certificates.other);
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await front?.close();
    await otherHost?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the README's Supabase URL (uselibpqcompat=true&sslmode=require, pgbouncer=true): encrypted, and answered", async () => {
    const pool = poolFor(front.url("?pgbouncer=true&uselibpqcompat=true&sslmode=require"));
    const client = await pool.connect();
    try {
      const stream = (client as unknown as { connection: { stream: net.Socket } }).connection.stream;
      expect(stream).toBeInstanceOf(tls.TLSSocket);
      expect((stream as tls.TLSSocket).getPeerCertificate().subject.CN).toBe("local");
      expect((stream as tls.TLSSocket).authorized).toBe(false); // encrypted, not verified: libpq's require
      expect((await client.query<{ n: number }>("SELECT 1 AS n")).rows).toEqual([{ n: 1 }]);
    } finally {
      client.release();
    }
  });

  it("Supabase's own sslmode=require fails: pg verifies it as verify-full, against Node's public CAs", async () => {
    const error = await poolFor(front.url("?sslmode=require")).query("SELECT 1").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SELF_SIGNED_CERT_IN_CHAIN", message: "self-signed certificate in certificate chain" });
  });

  it("verify-full with the CA as sslrootcert: connected and verified", async () => {
    const client = await poolFor(front.url(`?sslmode=verify-full&sslrootcert=${encodeURIComponent(certificates.caFile)}`)).connect();
    try {
      const stream = (client as unknown as { connection: { stream: tls.TLSSocket } }).connection.stream;
      expect(stream.authorized).toBe(true);
      expect((await client.query<{ n: number }>("SELECT 2 AS n")).rows).toEqual([{ n: 2 }]);
    } finally {
      client.release();
    }
  });

  it("verify-full with the CA still checks the host name: a certificate for another host is refused", async () => {
    const error = await poolFor(otherHost.url(`?sslmode=verify-full&sslrootcert=${encodeURIComponent(certificates.caFile)}`))
      .query("SELECT 1")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ERR_TLS_CERT_ALTNAME_INVALID" });
  });
});
