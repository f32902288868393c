/** The text of one objective of the demo draft; its title comes from the data file. */
export interface DemoObjectiveText {
  /** The commitment, "Nous nous engageons à ...", without the closing ritual formula. */
  commitment: string
  /** The actions, without their letters and without their final punctuation. */
  actions: readonly string[]
}
