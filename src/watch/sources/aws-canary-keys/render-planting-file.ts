/**
 * The text an owner commits to plant a canary key, in the shapes a real leaked key takes: an
 * `~/.aws/credentials` profile, or `.env` lines. It must look real to whoever copies the code,
 * so the comment says only what a colleague needs (do not use, do not remove).
 */
export const PLANTING_FORMATS = ['credentials', 'env'] as const;
export type PlantingFormat = (typeof PLANTING_FORMATS)[number];

export function renderPlantingFile(format: PlantingFormat, accessKeyId: string, secretAccessKey: string, profile = 'default'): string {
  if (format === 'env') {
    return ['# Deployment credentials: do not use, do not remove.', `AWS_ACCESS_KEY_ID=${accessKeyId}`, `AWS_SECRET_ACCESS_KEY=${secretAccessKey}`, ''].join('\n');
  }
  return ['# Do not use, do not remove.', `[${profile}]`, `aws_access_key_id = ${accessKeyId}`, `aws_secret_access_key = ${secretAccessKey}`, ''].join('\n');
}
