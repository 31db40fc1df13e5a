/** The baseline for server-bench.ts: a bare Fastify hello-world on a free loopback port; prints its URL. */
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/hello", async () => ({ hello: "world" }));
const url = await app.listen({ host: "127.0.0.1", port: 0 });
console.log(`listening ${url}`);
