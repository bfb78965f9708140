// Build and start commands are strings written by the service owner (as in
// App Runner), but they are never handed to a shell: they are split here into
// argument arrays. Quotes and backslashes group words, `&&` chains steps and a
// leading NAME=value sets a variable for one step. Every other shell character
// (`;`, `|`, `$(...)`, backticks, redirections) stays a literal argument.

export interface CommandStep {
  /** Variables set with a leading `NAME=value` on this step. */
  env: Record<string, string>;
  argv: string[];
}

export class CommandSyntaxError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
    this.name = "CommandSyntaxError";
  }
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** Splits a command line into steps (separated by `&&`), each an argv. */
export function parseCommand(command: string): CommandStep[] {
  const words = splitWords(command);
  const groups: Word[][] = [[]];
  for (const word of words) {
    if (word.operator) groups.push([]);
    else groups[groups.length - 1]!.push(word);
  }
  return groups.map((group) => {
    if (group.length === 0) throw new CommandSyntaxError(`empty step in command: ${command}`, command);
    const env: Record<string, string> = {};
    let i = 0;
    // Only unquoted NAME=... words before the program name are assignments.
    for (; i < group.length - 1; i++) {
      const w = group[i]!;
      const m = w.assignable ? ASSIGNMENT.exec(w.text) : null;
      if (!m) break;
      env[m[1]!] = m[2]!;
    }
    return { env, argv: group.slice(i).map((w) => w.text) };
  });
}

interface Word {
  text: string;
  /** The `&&` separator. */
  operator: boolean;
  /** The part before `=` was unquoted, so the word may be an assignment. */
  assignable: boolean;
}

function splitWords(command: string): Word[] {
  const words: Word[] = [];
  let text = "";
  let inWord = false;
  let assignable = true;
  let quotedBeforeEquals = false;
  const flush = () => {
    if (inWord) words.push({ text, operator: false, assignable: assignable && !quotedBeforeEquals });
    text = "";
    inWord = false;
    assignable = true;
    quotedBeforeEquals = false;
  };
  const noteQuote = () => {
    if (!text.includes("=")) quotedBeforeEquals = true;
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      flush();
    } else if (c === "&" && command[i + 1] === "&") {
      flush();
      words.push({ text: "&&", operator: true, assignable: false });
      i++;
    } else if (c === "'") {
      noteQuote();
      const end = command.indexOf("'", i + 1);
      if (end === -1) throw new CommandSyntaxError(`unterminated single quote in command: ${command}`, command);
      text += command.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      noteQuote();
      inWord = true;
      let j = i + 1;
      for (; j < command.length && command[j] !== '"'; j++) {
        // Inside double quotes a backslash only escapes what a shell would let it escape.
        if (command[j] === "\\" && j + 1 < command.length && '"\\$`'.includes(command[j + 1]!)) j++;
        text += command[j]!;
      }
      if (j >= command.length) throw new CommandSyntaxError(`unterminated double quote in command: ${command}`, command);
      i = j;
    } else if (c === "\\") {
      noteQuote();
      if (i + 1 < command.length) {
        text += command[i + 1]!;
        i++;
      }
      inWord = true;
    } else {
      text += c;
      inWord = true;
    }
  }
  flush();
  if (words.length === 0) throw new CommandSyntaxError("empty command", command);
  return words;
}

/**
 * Runtime programs mapped to this machine: `node` is the Node running the
 * runtime, `python`/`pip` are `python3`/`pip3` (App Runner images alias them).
 */
export function mapProgram(program: string): string {
  switch (program) {
    case "node":
    case "nodejs":
      return process.execPath;
    case "python":
      return "python3";
    case "pip":
      return "pip3";
    default:
      return program;
  }
}

/** Quotes an argv back into one readable line for logs (never executed). */
export function formatArgv(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
}
