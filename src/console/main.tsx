/** The console's entry point: mounts the app on the page the daemon serves at /ui/. */
import { render } from 'preact';
import { App } from './app.js';

render(<App />, document.getElementById('app')!);
