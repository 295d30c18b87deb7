/**
 * A rule or plugin that breaks the contract (reports an unknown messageId, offers a fix without
 * `fixable`, throws). Reported to the user with the rule's id, exit code 2: the run could not be done.
 */
export class RuleContractError extends Error {
  constructor(
    readonly ruleId: string,
    readonly reason: string,
  ) {
    super(`规则 ${ruleId} 不符合规则约定：${reason}`);
    this.name = 'RuleContractError';
  }
}

/** A configuration that cannot be used: the message names the file and the path to the bad key. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
