import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Absolute, so the build works from any working directory; outDir below is resolved against it.
  root: import.meta.dirname,
  // Relative asset URLs: the Electron host serves the build from a custom protocol, the web host from '/'.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
});
