import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development `vite` serves the UI and forwards /api to a running `luoshi serve` (LUOSHI_API, default :3000);
// in production the server serves apps/web/dist itself.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/api": { target: process.env.LUOSHI_API ?? "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // antd is most of the bytes and changes less often than our screens: keep it in its own cached chunk.
        manualChunks: (id: string) => (id.includes("node_modules") ? "vendor" : undefined),
      },
    },
  },
});
