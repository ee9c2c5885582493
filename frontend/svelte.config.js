// Svelte 5 compiles TypeScript in <script lang="ts"> itself, so no
// preprocessor is needed; the file exists so tools agree on the defaults.
export default {};
