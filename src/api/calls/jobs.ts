import type { JobsApi } from '../contract'
import type { ApplicationView, PostingView } from '../types'
import type { Caller } from '../caller'

export function jobsCalls({ send, write, page, seg }: Caller): JobsApi {
  return {
    listJobs: (query = {}) => page<PostingView>('/jobs', { ...query }),
    getJob: (id) => send<PostingView>({ method: 'GET', path: `/jobs/${seg(id)}` }),
    applyForJob: (postingId, draft, options) => write<ApplicationView>('POST', `/jobs/${seg(postingId)}/applications`, draft, options),
    listAllJobs: (query = {}) => page<PostingView>('/jobs/all', { ...query }),
    createJob: (draft, options) => write<PostingView>('POST', '/jobs', draft, options),
    updateJob: (id, draft, options) => write<PostingView>('PUT', `/jobs/${seg(id)}`, draft, options),
    closeJob: (id, options) => write<PostingView>('POST', `/jobs/${seg(id)}/close`, {}, options),
    listApplicants: (postingId) => send<ApplicationView[]>({ method: 'GET', path: `/jobs/${seg(postingId)}/applications` }),
    setApplicationStatus: (id, status, options) => write<ApplicationView>('POST', `/applications/${seg(id)}/status`, { status }, options),
  }
}
