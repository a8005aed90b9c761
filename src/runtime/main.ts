import 'reveal.js/reveal.css';
import '../../assets/fonts/generated/fonts.css';
import '../../assets/styles/theme.css';
import '../../assets/styles/design.css';
import '../../assets/styles/print.css';
import '../../assets/styles/prepaint.css';
import '../../assets/styles/presenting.css';
import { startSpeakerView } from './speaker/speaker-view.ts';
import { startDeck } from './start-deck.ts';

/**
 * Entry point of the built page. `index.html` is the deck; `speaker.html` is the same page in
 * speaker mode (`<body data-view="speaker">`).
 */
function boot(): void {
  if (document.body.dataset.view === 'speaker') {
    startSpeakerView();
  } else {
    void startDeck();
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
