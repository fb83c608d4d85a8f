import { checkNumber, checkPhone, checkText, collectErrors, hasErrors, normalisePhone, textLength } from '../../src/domain/validation'

const title = { label: '标题', max: 20 }

describe('text validation', () => {
  it('requires a value unless optional', () => {
    expect(checkText('', title)).toBe('请填写标题')
    expect(checkText('   ', title)).toBe('请填写标题')
    expect(checkText(undefined, title)).toBe('请填写标题')
    expect(checkText('', { ...title, optional: true })).toBeNull()
  })

  it('counts characters as people see them', () => {
    expect(textLength('修水龙头')).toBe(4)
    expect(textLength('😀😀')).toBe(2)
    expect(checkText('一'.repeat(20), title)).toBeNull()
    expect(checkText('一'.repeat(21), title)).toBe('标题不能超过20个字（现在21个字）')
  })

  it('refuses emoji-only text, markup and invisible characters', () => {
    expect(checkText('😀🙏', title)).toBe('标题不能只有表情或符号')
    expect(checkText('!!!', title)).toBe('标题不能只有表情或符号')
    expect(checkText('<script>alert(1)</script>', { label: '描述', max: 200 })).toMatch(/描述不能包含网页代码/)
    expect(checkText('买药 <img src=x>', title)).toMatch(/网页代码/)
    expect(checkText('abc\u202Edef', title)).toMatch(/无法显示/)
    expect(checkText('家里 1<2 没问题', title)).toBeNull()
    expect(checkText('帮忙修水管😀', title)).toBeNull()
  })

  it('refuses wrong types', () => {
    expect(checkText(42, title)).toBe('标题格式不正确')
    expect(checkText({}, title)).toBe('标题格式不正确')
  })
})

describe('phone validation', () => {
  it('accepts mainland mobiles with spaces or dashes', () => {
    expect(checkPhone('13812341234')).toBeNull()
    expect(checkPhone('138 1234 1234')).toBeNull()
    expect(checkPhone('199-1234-1234')).toBeNull()
    expect(normalisePhone('138 1234-1234')).toBe('13812341234')
  })

  it('refuses everything else with a message', () => {
    expect(checkPhone('')).toBe('请填写手机号')
    expect(checkPhone('12812341234')).toMatch(/11位手机号/)
    expect(checkPhone('1381234123')).toMatch(/11位手机号/)
    expect(checkPhone('138123412345')).toMatch(/11位手机号/)
    expect(checkPhone('0452-5861103')).toMatch(/11位手机号/)
    expect(checkPhone(13812341234)).toBe('手机号格式不正确')
  })
})

describe('number validation', () => {
  const hours = { label: '服务时长', min: 0.5, max: 12, step: 0.5, unit: '小时' }
  it('checks range and step at the boundaries', () => {
    expect(checkNumber(0.5, hours)).toBeNull()
    expect(checkNumber(12, hours)).toBeNull()
    expect(checkNumber('3.5', hours)).toBeNull()
    expect(checkNumber(0, hours)).toBe('服务时长须在0.5小时到12小时之间')
    expect(checkNumber(12.5, hours)).toBe('服务时长须在0.5小时到12小时之间')
    expect(checkNumber(1.2, hours)).toBe('服务时长须为0.5小时的整数倍')
    expect(checkNumber('abc', hours)).toBe('服务时长须为数字')
    expect(checkNumber('', hours)).toBe('请填写服务时长')
  })
})

describe('collecting errors', () => {
  it('keeps only failed fields', () => {
    const errors = collectErrors({ title: checkText('', title), phone: checkPhone('13812341234') })
    expect(errors).toEqual({ title: '请填写标题' })
    expect(hasErrors(errors)).toBe(true)
    expect(hasErrors({})).toBe(false)
  })
})
