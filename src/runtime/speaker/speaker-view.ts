/** The speaker view (speaker.html): built by the speaker-view feature. */
export function startSpeakerView(): void {
  document.title = '演讲者视图';
}
