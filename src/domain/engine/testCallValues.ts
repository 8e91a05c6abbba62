/** What a test call knows before it starts: the call's own values, as a real call would have them. */
export function testCallValues(startTime: string): Record<string, unknown> {
  return { 'call.caller_number': '+15550100', 'call.called_number': '+15550199', 'call.id': 'test-call', 'call.start_time': startTime };
}
