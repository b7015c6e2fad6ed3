/** Replies about open nutrition questions (issue 7); the answers themselves come from the knowledge base. */
export interface QuestionMessages {
  /** Nothing in the knowledge base answers it: say so, and what the coach can do instead. */
  noAnswer(): string;
}
