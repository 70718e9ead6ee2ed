// A real SMTP server for the tests (smtp-server, nodemailer's own project): the app's servers send their
// notices to it over SMTP (SMTP_URL in scripts/lib/test-env.ts), and it writes each message, as received,
// to test-logs/mail/<recipient>/<time>-<n>.eml, where a test reads the mail of its own user
// (tests/helpers/mail.ts). `npm test` runs it for the whole run.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export interface MailCatcher {
  port: number;
  close(): Promise<void>;
}

let sequence = 0;

/** Mail to this domain is refused with 550. */
export const REFUSING_DOMAIN = "refused.example.com";

/** A recipient's folder name: the address, lowercased, with anything but [a-z0-9@._+-] replaced. */
export function mailFolder(dir: string, address: string): string {
  return path.join(dir, address.toLowerCase().replace(/[^a-z0-9@._+-]/g, "_"));
}

export async function startMailCatcher(port: number, dir: string): Promise<MailCatcher> {
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    // No certificate here: nodemailer then sends in plain text, as to any server without STARTTLS.
    disabledCommands: ["STARTTLS"],
    logger: false,
    // A mailbox that refuses mail, as a real server does for an address that does not exist: the tests of
    // a failed send use it, whoever sends (a test, or another file's cron run).
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${REFUSING_DOMAIN}`)) {
        return callback(Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const name = `${Date.now()}-${++sequence}.eml`;
        Promise.all(
          session.envelope.rcptTo.map(async ({ address }) => {
            const folder = mailFolder(dir, address);
            await mkdir(folder, { recursive: true });
            await writeFile(path.join(folder, name), raw);
          }),
        ).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
