/**
 * The address of parquet-wasm's WebAssembly module in the built site (Vite copies the file into
 * dist/ and gives its relative URL: served by the intranet server with the rest, no CDN). Imported
 * only in the browser (parquet-wasm.ts); Node reads the file from node_modules.
 */
export { default } from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
