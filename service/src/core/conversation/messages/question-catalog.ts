/** Replies about open nutrition questions (issue 7); the answers themselves come from the knowledge base. */
export interface QuestionMessages {
  /** Nothing in the knowledge base answers it: say so, and what the coach can do instead. */
  noAnswer(): string;
  /** The model is slow: the answer comes as a later message through the queue. */
  lookingItUp(): string;
}
