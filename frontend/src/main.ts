import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { applyLangToDocument } from './lib/locale.svelte';
import { startNavigation } from './lib/navigation.svelte';

applyLangToDocument();
startNavigation();

export default mount(App, { target: document.getElementById('app')! });
