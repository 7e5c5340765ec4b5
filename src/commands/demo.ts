import { EXIT, SigsplCommand } from "../cli/base-command.js";
import { mainStory } from "../cli/story.js";

export default class Demo extends SigsplCommand {
  static override summary = "The main job on the bundled seed rule (what `npm start` runs).";
  static override examples = ["<%= config.bin %> demo"];

  async run(): Promise<void> {
    const story = await mainStory();
    await this.out(story.text);
    if (!story.ok) this.exit(EXIT.inputErrors);
  }
}
